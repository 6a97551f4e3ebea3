using Ego.Inventory.V1;
using InventoryApi = Ego.Inventory.V1.Inventory;

namespace Ego.Grpc.Reflection.Tests;

/// <summary>A served service whose proto imports another file.</summary>
internal sealed class InventoryService : InventoryApi.InventoryBase
{
    public override Task<Item> GetItem(GetItemRequest request, ServerCallContext context) => Task.FromResult(new Item { Id = request.Id });
}
