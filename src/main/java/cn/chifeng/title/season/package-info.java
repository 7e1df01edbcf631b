/**
 * Seasons (SEA-*): the configured dates of each evaluation year, the application window, and the earlier internal
 * dates a county or department sets for its own units (附件4, shown only).
 */
package cn.chifeng.title.season;
