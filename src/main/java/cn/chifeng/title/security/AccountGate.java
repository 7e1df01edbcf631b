package cn.chifeng.title.security;

/**
 * Whether an account may log in after its password was accepted: null, or why not in Chinese (e-mail not yet
 * confirmed, frozen while an 身份证号 dispute is open). Asked by every product door (portal and {@code /api}).
 */
public interface AccountGate {
    String refusal(String userId);
}
