/**
 * The interactive viewer: {@link tc0.circuits.io.html.HtmlViewerExporter} writes one self-contained HTML page
 * (its scripts, d3 from the WebJar on the class path, and the circuit inlined; nothing is fetched) that draws
 * the region hierarchy by level. What the page shows and how the data is laid out: docs/EXPORTS.md.
 */
package tc0.circuits.io.html;
