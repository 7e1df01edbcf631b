package cn.chifeng.title.archfixture;

/** Looks like a domain class by its prefix but is a service: may use Spring (for ArchitectureTest). */
public class SeasonService {
    public Object clock() {
        return org.springframework.util.StringUtils.hasText("x");
    }
}
