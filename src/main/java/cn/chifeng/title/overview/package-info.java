/**
 * The season at a glance (ROS-4, 附件4): the season's timetable with the earlier internal dates of counties and
 * departments, and live counts per stage, county and status in the caller's reporting scope — as JSON and as the
 * workbench page {@code /staff/season/{year}}.
 */
package cn.chifeng.title.overview;
