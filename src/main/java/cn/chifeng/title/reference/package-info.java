/** Code lists with Chinese labels for clients (`GET /api/reference`). */
package cn.chifeng.title.reference;
