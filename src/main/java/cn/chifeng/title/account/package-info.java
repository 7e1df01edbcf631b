/**
 * Self-registered portal accounts: registration with a checked 身份证号, e-mail confirmation and password reset by
 * one-time links sent over the notification outbox, login by 身份证号/mobile/e-mail, and 身份证号 disputes.
 */
package cn.chifeng.title.account;
