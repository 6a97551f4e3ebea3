using Ego.Resilience.Retries;

namespace Ego.Resilience.Tests.Retries;

public sealed class RetryBudgetTests
{
    [Fact]
    public void CanRetry_FailuresTakeHalfTheTokens_StopsRetries()
    {
        var budget = new RetryBudget(new RetryBudgetOptions { MaxTokens = 10, TokenRatio = 0.1 });
        for (var i = 0; i < 4; i++)
        {
            budget.OnFailure();
        }

        Assert.True(budget.CanRetry);
        budget.OnFailure();

        Assert.False(budget.CanRetry);
        Assert.Equal(5, budget.Tokens);
    }

    [Fact]
    public void CanRetry_SuccessesRefillByTokenRatio_AllowsRetriesAgain()
    {
        var budget = new RetryBudget(new RetryBudgetOptions { MaxTokens = 10, TokenRatio = 0.5 });
        for (var i = 0; i < 8; i++)
        {
            budget.OnFailure();
        }

        budget.OnSuccess();
        budget.OnSuccess();
        Assert.False(budget.CanRetry);
        for (var i = 0; i < 5; i++)
        {
            budget.OnSuccess();
        }

        Assert.True(budget.CanRetry);
        Assert.Equal(5.5, budget.Tokens);
    }

    [Fact]
    public void Tokens_NeverLeaveZeroToMax()
    {
        var budget = new RetryBudget(new RetryBudgetOptions { MaxTokens = 3 });
        for (var i = 0; i < 10; i++)
        {
            budget.OnFailure();
        }

        Assert.Equal(0, budget.Tokens);
        for (var i = 0; i < 100; i++)
        {
            budget.OnSuccess();
        }

        Assert.Equal(3, budget.Tokens);
    }
}
