package cn.chifeng.title.security;

/**
 * Another name a person logs in with (身份证号, mobile number, e-mail): the user id it stands for, or null. The
 * account module provides it; the user id itself always works.
 */
public interface LoginNames {
    String userIdOf(String loginName);
}
