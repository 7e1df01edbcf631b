/** The committees' expert pools (评审专家库, EVA-1): import, export, season clean-up, and the pool the draw reads. */
package cn.chifeng.title.expert;
