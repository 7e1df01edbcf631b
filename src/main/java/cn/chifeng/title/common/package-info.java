/**
 * Small shared pieces: Chinese-labelled codes, the clock of the season (Asia/Shanghai), API errors, the Chinese font
 * of the PDFs, the header of a download with a Chinese file name, and the cluster-wide start-up lock.
 */
package cn.chifeng.title.common;
