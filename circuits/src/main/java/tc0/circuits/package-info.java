/** Threshold circuits: storage, builder, analyses, evaluators, formats. */
package tc0.circuits;
