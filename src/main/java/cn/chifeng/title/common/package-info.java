/**
 * Small shared pieces: Chinese-labelled codes, the clock of the season (Asia/Shanghai), API errors, the Chinese font
 * of the PDFs and the header of a download with a Chinese file name.
 */
package cn.chifeng.title.common;
