/**
 * Rosters and statistics (ROS-1…ROS-3, 通知 三(二)3, 附件2, 附件3): a reporting body's 花名册 per level band, the
 * health-system roster and the 岗位数及申报人数统计表, as .xlsx laid out by the template {@code reports/rosters.yaml}.
 */
package cn.chifeng.title.roster;
