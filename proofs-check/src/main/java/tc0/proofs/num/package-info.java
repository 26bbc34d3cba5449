/**
 * NUM: the fine-grained and memory results checked on concrete matrices. The polynomial method (Alman and Song
 * 2023) as a construction: exp replaced by its Taylor polynomial, attention factored through monomial features,
 * its error measured against exact attention and its rank swept as the entry bound crosses sqrt(log n); the KV-cache
 * space barrier's instance (values decoded bit by bit from attention outputs). What such a check establishes is
 * stated with each outcome: it is evidence on instances and formulas, never the papers' SETH or communication bounds.
 */
package tc0.proofs.num;
