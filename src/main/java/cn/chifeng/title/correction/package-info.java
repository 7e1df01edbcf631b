/** The one-time written correction notice of the committee office (COR-1…4, 通知 三(二)2): issue, document, answer. */
package cn.chifeng.title.correction;
