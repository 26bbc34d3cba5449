/**
 * The {@code .tc0c} format: tc0's own versioned, checksummed binary circuit file. The layout is specified
 * byte by byte in {@code docs/FORMATS.md}; {@link tc0.circuits.io.binary.Tc0cLayout} holds its constants.
 */
package tc0.circuits.io.binary;
