/** Authentication of `/engine-rest` and `/api`, and the engine authorizations every organisation gets. */
package cn.chifeng.title.security;
