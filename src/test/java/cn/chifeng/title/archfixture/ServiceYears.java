package cn.chifeng.title.archfixture;

/** Breaks the domain rule on purpose: a domain class that reaches into Spring (for ArchitectureTest). */
public class ServiceYears {
    public Object clock() {
        return org.springframework.util.StringUtils.hasText("x");
    }
}
