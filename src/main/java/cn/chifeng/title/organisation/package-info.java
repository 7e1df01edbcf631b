/** Organisations as data: counties, reviewing bodies, committees and registered employers, each a Camunda group. */
package cn.chifeng.title.organisation;
