package cn.chifeng.title.security;

import java.util.List;

/** Who calls the product's API: the user id and the groups (organisations, roles) they belong to. */
public record ProductUser(String id, List<String> groups) {
    public ProductUser {
        groups = List.copyOf(groups);
    }

    public boolean isApplicant() {
        return groups.contains(Roles.APPLICANTS);
    }

    public boolean isAdmin() {
        return groups.contains(Roles.ADMIN);
    }

    @Override
    public String toString() {
        return id;
    }
}
