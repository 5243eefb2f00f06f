package dev.agentic.stats;

/**
 * Wald's sequential probability ratio test on discordant tasks (Wald 1945). θ = P(child wins | child
 * and parent disagree); H0: θ = ½ against H1: θ = θ₁. After w wins and l losses,
 * LLR = w·ln(2θ₁) + l·ln(2(1 − θ₁)); accept H1 when LLR ≥ ln((1 − β)/α), accept H0 when
 * LLR ≤ ln(β/(1 − α)), otherwise keep sampling. With α = 0.05, β = 0.2 the bounds are +2.77 and −1.56.
 */
public record Sprt(double theta1, double alpha, double beta) {

    /** What the evidence says so far. */
    public enum Decision { ACCEPT_H1, ACCEPT_H0, CONTINUE }

    public Sprt {
        if (theta1 <= 0.5 || theta1 >= 1) {
            throw new IllegalArgumentException("θ₁ must lie between ½ and 1, got " + theta1);
        }
    }

    public double llr(int wins, int losses) {
        return wins * Math.log(2 * theta1) + losses * Math.log(2 * (1 - theta1));
    }

    public double upper() {
        return Math.log((1 - beta) / alpha);
    }

    public double lower() {
        return Math.log(beta / (1 - alpha));
    }

    public Decision decide(int wins, int losses) {
        double llr = llr(wins, losses);
        return llr >= upper() ? Decision.ACCEPT_H1 : llr <= lower() ? Decision.ACCEPT_H0 : Decision.CONTINUE;
    }
}
