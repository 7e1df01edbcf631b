/**
 * Applicants' profiles (个人信息, APP-1): basic data, education, work and service history and titles held, kept across
 * seasons; their verification by the employer (freelancers: the county's talent service centre) in the
 * {@code ProfileVerification} process; and the submission gate that waits for it.
 */
package cn.chifeng.title.profile;
