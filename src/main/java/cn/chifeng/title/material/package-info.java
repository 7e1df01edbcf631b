/** Materials (APP-5, APP-6, SEA-7): the checklist per series and level, uploads stored in the database, downloads. */
package cn.chifeng.title.material;
