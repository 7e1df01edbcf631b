/** Committees (EVA-*): the evaluation close of the season and written postponements (SEA-5, EVA-8). */
package cn.chifeng.title.committee;
