/** Demo profile only: users with password `demo`, Tasklist filters for everyone, a demo season and sample applications. */
package cn.chifeng.title.demo;
