package cn.chifeng.title.feel;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.context.FunctionProvider;
import org.camunda.feel.context.FunctionProvider.CompositeFunctionProvider;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.impl.interpreter.BuiltinFunctions;
import org.camunda.feel.impl.interpreter.EvalContext;
import org.camunda.feel.impl.interpreter.EvaluationFailureCollector;
import org.camunda.feel.impl.interpreter.FeelInterpreter;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValError;
import org.camunda.feel.syntaxtree.ValFatalError;

import camundajar.impl.scala.collection.immutable.Map.Map1;
import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;

/**
 * The engine's {@link ScalaFeelEngine}, evaluating with the same contexts and the same interpreter, without the two
 * costs the shipped feel-engine 1.19.3 pays on every evaluation (camunda/feel-scala#1149): it re-parses the text, and
 * it rebuilds the table of several hundred built-in functions ({@code FeelEngine.rootContext()}). Here each distinct
 * text is parsed (and validated: no external functions) once, and the built-in functions are built once per engine.
 * Parsed expressions and function tables are immutable, safe to share between threads; each evaluation gets a
 * context of its own. The parse cache is bounded: past {@value #MAX_ENTRIES} distinct texts it is cleared.
 */
public class CachingScalaFeelEngine extends ScalaFeelEngine {
    static final int MAX_ENTRIES = 20_000;
    private static final String INPUT_VARIABLE_NAME_KEY = "inputVariableName";

    private final Map<String, ParsedExpression> expressions = new ConcurrentHashMap<>();
    private final Map<String, ParsedExpression> unaryTests = new ConcurrentHashMap<>();

    private final FunctionProvider functions;
    private final FeelInterpreter interpreter;

    public CachingScalaFeelEngine(List<FeelCustomFunctionProvider> functionProviders) {
        super(functionProviders);
        // what FeelEngine.rootContext() builds on every evaluation, built once
        this.functions = new CompositeFunctionProvider(toScalaList(
                new BuiltinFunctions(feelEngine.clock(), feelEngine.valueMapper()), feelEngine.functionProvider()));
        this.interpreter = new FeelInterpreter(feelEngine.valueMapper());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
        ParsedExpression parsed = parsed(expressions, expression, feelEngine::parseExpression);
        return (T) evaluate(parsed, new ContextVariableWrapper(variableContext));
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
        ParsedExpression parsed = parsed(unaryTests, expression, feelEngine::parseUnaryTests);
        StaticVariableProvider input = new StaticVariableProvider(new Map1<>(INPUT_VARIABLE_NAME_KEY, inputVariable));
        ContextVariableWrapper variables = new ContextVariableWrapper(variableContext);
        return BoxesRunTime.unboxToBoolean(evaluate(parsed, new CompositeVariableProvider(toScalaList(input, variables))));
    }

    /** What FeelEngine.eval does, with the function table built once. */
    private Object evaluate(ParsedExpression parsed, VariableProvider variables) {
        EvalContext context = new EvalContext(feelEngine.valueMapper(), variables, functions,
                new EvaluationFailureCollector());
        Val result = interpreter.eval(parsed.expression(), context);
        if (result instanceof ValError error) {
            throw LOGGER.evaluationException("failed to evaluate expression '" + parsed.text() + "': " + error.error());
        }
        if (result instanceof ValFatalError error) {
            throw LOGGER.evaluationException("failed to evaluate expression '" + parsed.text() + "': " + error.error());
        }
        return feelEngine.valueMapper().unpackVal(result);
    }

    int cachedCount() {
        return expressions.size() + unaryTests.size();
    }

    private ParsedExpression parsed(Map<String, ParsedExpression> cache, String text,
                                    Function<String, Either<Failure, ParsedExpression>> parser) {
        ParsedExpression p = cache.get(text);
        if (p != null) {
            return p;
        }
        p = (ParsedExpression) value(parser.apply(text));
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        cache.put(text, p);
        return p;
    }

    private static Object value(Either<Failure, ?> result) {
        if (result instanceof Right<?, ?> right) {
            return right.value();
        }
        throw LOGGER.evaluationException(((Failure) ((Left<?, ?>) result).value()).message());
    }
}
