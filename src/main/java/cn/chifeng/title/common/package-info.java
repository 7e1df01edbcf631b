/** Small shared pieces: Chinese-labelled codes, the clock of the season (Asia/Shanghai), API errors. */
package cn.chifeng.title.common;
