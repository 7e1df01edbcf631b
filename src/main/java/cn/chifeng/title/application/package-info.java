/** The application (申报): the dossier, its validation (APP-8), the applicant API and the application records. */
package cn.chifeng.title.application;
