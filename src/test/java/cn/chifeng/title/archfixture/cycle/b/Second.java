package cn.chifeng.title.archfixture.cycle.b;

/** The other half of a deliberate package cycle (for ModulesTest). */
public class Second {
    public cn.chifeng.title.archfixture.cycle.a.First back() {
        return new cn.chifeng.title.archfixture.cycle.a.First();
    }
}
