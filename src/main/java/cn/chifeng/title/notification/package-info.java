/**
 * Notifications: Chinese messages from editable templates, written to an outbox in the transaction of the process
 * step and sent by an asynchronous engine job over SMTP (or to the log), listed in the application's in-app list.
 */
package cn.chifeng.title.notification;
