/**
 * Public notices (PUB-1, PUB-2, REV-1, REV-3): publications of batches of applications for N working days, the
 * objections received during the period and their investigation; the process {@code publicity}.
 */
package cn.chifeng.title.publicity;
