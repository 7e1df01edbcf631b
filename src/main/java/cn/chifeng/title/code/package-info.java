/** The code lists of a dossier (series, levels, education, employer types and levels, ...) with Chinese labels. */
package cn.chifeng.title.code;
