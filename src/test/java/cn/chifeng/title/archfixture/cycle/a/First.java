package cn.chifeng.title.archfixture.cycle.a;

/** Half of a deliberate package cycle (for ModulesTest). */
public class First {
    public cn.chifeng.title.archfixture.cycle.b.Second next() {
        return new cn.chifeng.title.archfixture.cycle.b.Second();
    }
}
