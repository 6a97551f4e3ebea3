namespace Ego.Grpc.Internal.Client;

internal sealed partial class GrpcCall<TRequest, TResponse>
{
    private Task _started = Task.CompletedTask;

    public async Task<TResponse> RunUnaryAsync(TRequest request)
    {
        try
        {
            await SendAsync(CreateUnaryContent(request)).ConfigureAwait(false);
            return await ReadSingleResponseAsync().ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            throw Fail(exception);
        }
    }

    /// <summary>Starts a server-streaming call; the response reader awaits the start.</summary>
    public void StartServerStreaming(TRequest request)
    {
        HttpContent content;
        try
        {
            content = CreateUnaryContent(request);
        }
        catch (Exception exception)
        {
            _started = Task.FromException(Fail(exception));
            return;
        }

        _started = StartAsync(content);
    }

    /// <summary>Starts a call with a request stream; returns its content so the writer can push messages.</summary>
    public StreamingRequestContent StartStreaming()
    {
        var content = new StreamingRequestContent();
        _started = StartAsync(content);
        return content;
    }

    public async Task<TResponse> ReadClientStreamingResponseAsync()
    {
        try
        {
            await _started.ConfigureAwait(false);
            return await ReadSingleResponseAsync().ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            throw Fail(exception);
        }
    }

    /// <summary>The next message of the response stream; a cancelled <paramref name="cancellationToken"/> cancels the call.</summary>
    public async Task<(bool HasMessage, TResponse? Message)> ReadStreamAsync(CancellationToken cancellationToken)
    {
        using var registration = cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static state => ((GrpcCall<TRequest, TResponse>)state!).Cancel(ByCaller), this)
            : default;
        try
        {
            await _started.ConfigureAwait(false);
            return await ReadNextAsync().ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            throw Fail(exception);
        }
    }

    /// <summary>Writes one request message to the request stream once the request has started.</summary>
    public async Task WriteAsync(StreamingRequestContent content, TRequest message, WriteOptions? writeOptions, CancellationToken cancellationToken)
    {
        if (IsFinished)
        {
            throw _status!.Value.StatusCode == StatusCode.OK
                ? new InvalidOperationException("Can't write the message because the call is complete.")
                : CreateException();
        }

        try
        {
            var stream = await content.RequestStream.WaitAsync(cancellationToken).ConfigureAwait(false);
            using var frame = new PooledBufferWriter();
            var flags = (writeOptions ?? _options.WriteOptions)?.Flags ?? default;
            var noCompress = (flags & WriteFlags.NoCompress) != 0;
            MessageWriter.Write(frame, message, _method.RequestMarshaller, noCompress ? null : _requestCompression, _channel.Options.MaxSendMessageSize);
            using var linked = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _cancellation.Token) : null;
            var token = linked?.Token ?? _cancellation.Token;
            await stream.WriteAsync(frame.WrittenMemory, token).ConfigureAwait(false);
            if ((flags & WriteFlags.BufferHint) == 0)
            {
                await stream.FlushAsync(token).ConfigureAwait(false);
            }
        }
        catch (RpcException exception) when (exception.StatusCode == StatusCode.ResourceExhausted && !IsFinished)
        {
            throw;
        }
        catch (Exception exception) when (IsFinished || Volatile.Read(ref _cancelReason) != NotCancelled)
        {
            throw Fail(exception);
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or OperationCanceledException)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, $"Error writing the request message. {exception.GetType().Name}: {exception.Message}", exception));
        }
    }

    private async Task StartAsync(HttpContent content)
    {
        try
        {
            await SendAsync(content).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            throw Fail(exception);
        }
    }

    private UnaryRequestContent CreateUnaryContent(TRequest request)
    {
        var frame = new PooledBufferWriter();
        try
        {
            var noCompress = _options.WriteOptions?.Flags.HasFlag(WriteFlags.NoCompress) == true;
            MessageWriter.Write(frame, request, _method.RequestMarshaller, noCompress ? null : _requestCompression, _channel.Options.MaxSendMessageSize);
            return new UnaryRequestContent(frame);
        }
        catch
        {
            frame.Dispose();
            throw;
        }
    }
}
