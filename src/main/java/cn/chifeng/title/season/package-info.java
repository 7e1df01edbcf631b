/** Seasons (SEA-*): the configured dates of each evaluation year and the application window. */
package cn.chifeng.title.season;
