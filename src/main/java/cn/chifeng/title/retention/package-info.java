/**
 * Retention of the product's own records (README "History and retention"): how long the register, the review trail,
 * materials, notifications, notices and objections, and the admin change log are kept after an application has
 * ended ({@code title.retention}), and the nightly clean-up that removes what is past it, once a day across the
 * nodes. The engine's history has its own cleanup (Camunda's, configured in {@code application.yaml}). Results and
 * certificates of passed applications, the credit archive and the once-only policy ledger are kept.
 */
package cn.chifeng.title.retention;
