/** 诚信档案库 (SUP-1): recorded violations of applicants. */
package cn.chifeng.title.credit;
