/**
 * The vocabulary of the {@code title-application} process shared by code and tests: its ids, messages and
 * variables ({@link cn.chifeng.title.process.TitleApplicationProcess}), the review stages and the reviewers'
 * decisions. Uses no module but common.
 */
package cn.chifeng.title.process;
