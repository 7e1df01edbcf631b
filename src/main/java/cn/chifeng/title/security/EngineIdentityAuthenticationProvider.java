package cn.chifeng.title.security;

import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Spring Security's check of a user name and password against the Camunda identity (staff and applicants alike;
 * see docs/adr/0008): the authenticated principal is a {@link ProductUser} with the user's groups as authorities.
 */
class EngineIdentityAuthenticationProvider implements AuthenticationProvider {
    private final EngineIdentity identity;
    private final List<AccountGate> gates;

    EngineIdentityAuthenticationProvider(EngineIdentity identity, List<AccountGate> gates) {
        this.identity = identity;
        this.gates = gates;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (user == null || user.isEmpty() || credentials == null
                || !identity.checkPassword(user, credentials.toString())) {
            throw new BadCredentialsException("用户名或密码错误");
        }
        for (AccountGate gate : gates) {
            String refusal = gate.refusal(user);
            if (refusal != null) {
                throw new org.springframework.security.authentication.LockedException(refusal);
            }
        }
        return authenticated(identity.user(user));
    }

    static UsernamePasswordAuthenticationToken authenticated(ProductUser user) {
        List<SimpleGrantedAuthority> authorities = user.groups().stream().map(SimpleGrantedAuthority::new).toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
