package dev.agentic.model;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps the body of the last answer a provider's HTTP API gave, a success or an error, so that the
 * tokens of an answer the client then could not use (a reply it failed to parse, an error response
 * carrying usage) are still counted. Wraps the HTTP client a langchain4j model is built with.
 */
final class AnswerTap {

    private final AtomicReference<String> last = new AtomicReference<>();

    /** {@code builder}'s clients, with every answer kept here. */
    HttpClientBuilder around(HttpClientBuilder builder) {
        return new TappingBuilder(builder);
    }

    /** Forgets the last answer: called before each request. */
    void clear() {
        last.set(null);
    }

    /** The usage the last answer carried, zero when none; forgets it. */
    Usage takeUsage() {
        return ProviderUsage.ofBody(last.getAndSet(null)).orElse(Usage.ZERO);
    }

    private final class TappingBuilder implements HttpClientBuilder {

        private final HttpClientBuilder delegate;

        TappingBuilder(HttpClientBuilder delegate) {
            this.delegate = delegate;
        }

        @Override
        public Duration connectTimeout() {
            return delegate.connectTimeout();
        }

        @Override
        public HttpClientBuilder connectTimeout(Duration timeout) {
            delegate.connectTimeout(timeout);
            return this;
        }

        @Override
        public Duration readTimeout() {
            return delegate.readTimeout();
        }

        @Override
        public HttpClientBuilder readTimeout(Duration timeout) {
            delegate.readTimeout(timeout);
            return this;
        }

        @Override
        public HttpClient build() {
            HttpClient client = delegate.build();
            return new HttpClient() {
                @Override
                public SuccessfulHttpResponse execute(HttpRequest request) {
                    try {
                        SuccessfulHttpResponse response = client.execute(request);
                        last.set(response.body());
                        return response;
                    } catch (HttpException e) {
                        last.set(e.getMessage());
                        throw e;
                    }
                }

                @Override
                public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
                    client.execute(request, parser, listener);
                }
            };
        }
    }
}
