/** From checked models to threshold circuits. */
package tc0.compiler;
