/** Read-only passes over a circuit, each returning a record: levels, statistics, region breakdown. */
package tc0.circuits.analysis;
