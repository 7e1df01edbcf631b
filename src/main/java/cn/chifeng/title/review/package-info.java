/** Multi-level review (REV-*): the reviewer's decision, its server-side rules, the audit trail and stage advance. */
package cn.chifeng.title.review;
