/** Reading and writing circuits: one package per format behind {@link tc0.circuits.io.CircuitReader} and {@link tc0.circuits.io.CircuitWriter}. */
package tc0.circuits.io;
