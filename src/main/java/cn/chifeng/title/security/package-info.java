/**
 * Authentication of `/engine-rest` and `/api`, the engine authorizations every organisation gets, and the scope of
 * a reporting body's reports ({@link cn.chifeng.title.security.ReportingBodies}).
 */
package cn.chifeng.title.security;
