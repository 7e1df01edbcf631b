/**
 * The printable 《专业技术职称评审表》 and 《专业技术职称送审表》 of an application (APP-4), as PDF: their layout is the
 * template {@code print-forms.yaml}; their content the dossier and each review stage's decision so far.
 */
package cn.chifeng.title.printform;
