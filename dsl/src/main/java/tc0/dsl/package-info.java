/** The architecture language. */
package tc0.dsl;
