/**
 * Eligibility (ELI-*): Java computes the facts of a dossier as of the season's qualification cutoff; the DMN
 * decision requirements graph {@code eligibility} (dmn/eligibility.dmn) decides the verdict, channel and reasons.
 */
package cn.chifeng.title.eligibility;
