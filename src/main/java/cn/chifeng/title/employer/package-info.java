/**
 * Employers' registration (用人单位注册): the portal form's rules, the {@code EmployerRegistration} process that the
 * county HR bureau (a city-level unit: its city department) decides in Tasklist, and what approval makes of a unit —
 * a 用人单位 of the directory, its reviewers' group, grants and filters, its clerk's account.
 */
package cn.chifeng.title.employer;
