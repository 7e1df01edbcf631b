/**
 * 职称评审结果证明 (PUB-3, PUB-4; docs/adr/0010): the product's verifiable result certificate of a passed application —
 * its number, its PDF with a QR code, the public verification (API and page) and its revocation (SUP-1). It is not
 * the official electronic title certificate, which is printed from 内蒙古人才信息库.
 */
package cn.chifeng.title.certificate;
