package cn.chifeng.title.feel;

import java.util.List;

import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;

/** Creates {@link CachingScalaFeelEngine}s for the process engine's DMN engine and the eligibility what-if. */
public class CachingFeelEngineFactory implements FeelEngineFactory {

    @Override
    public FeelEngine createInstance() {
        return new CachingScalaFeelEngine(List.of());
    }
}
