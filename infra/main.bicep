// EngageBot on Azure: one Linux App Service running the engagebot container-less .NET app, Table Storage for
// state (Entra ID auth, no keys), an Azure Bot registration for Teams using a user-assigned managed identity,
// and a Key Vault for the Slack secrets. Deployed with `azd up` (see azure.yaml) or `az deployment group create`.
targetScope = 'resourceGroup'

@description('Short name used to derive resource names (letters and digits).')
@minLength(3)
@maxLength(12)
param environmentName string

param location string = resourceGroup().location

@description('App Service plan SKU. B1 is enough for a pilot; use P0v3 or above for production.')
param appServiceSku string = 'B1'

@description('Entra tenant of the bot (single-tenant bot / managed identity).')
param tenantId string = subscription().tenantId

var suffix = toLower(uniqueString(resourceGroup().id, environmentName))
var tags = { 'azd-env-name': environmentName }

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-engagebot-${suffix}'
  location: location
  tags: tags
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'steb${suffix}'
  location: location
  tags: tags
  sku: { name: 'Standard_ZRS' }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false // the app uses its managed identity; no account keys anywhere
    supportsHttpsTrafficOnly: true
  }
}

// Storage Table Data Contributor
resource tableRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3')
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3')
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-eb-${suffix}'
  location: location
  tags: tags
  properties: {
    tenantId: tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
  }
}

// Key Vault Secrets User: the app reads the Slack secrets through Key Vault references.
resource vaultRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, '4633458b-17de-408a-b874-0445c86b69e6')
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: 'plan-engagebot-${suffix}'
  location: location
  tags: tags
  sku: { name: appServiceSku }
  kind: 'linux'
  properties: { reserved: true }
}

resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-engagebot-${suffix}'
  location: location
  tags: union(tags, { 'azd-service-name': 'engagebot' })
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: true // the Quartz jobs (SLA sweep, check-ins, digests) must keep running
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/healthz'
      appCommandLine: 'dotnet engagebot.dll serve'
      appSettings: [
        { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
        { name: 'EngageBot__Storage__Provider', value: 'AzureTables' }
        { name: 'EngageBot__Storage__TableEndpoint', value: storage.properties.primaryEndpoints.table }
        { name: 'EngageBot__Teams__AppId', value: identity.properties.clientId }
        { name: 'EngageBot__Teams__AppType', value: 'UserAssignedMsi' }
        { name: 'EngageBot__Teams__TenantId', value: tenantId }
        { name: 'EngageBot__Slack__BotToken', value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=slack-bot-token)' }
        { name: 'EngageBot__Slack__SigningSecret', value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=slack-signing-secret)' }
      ]
    }
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: 'bot-engagebot-${suffix}'
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: { name: 'S1' }
  properties: {
    displayName: 'EngageBot'
    endpoint: 'https://${app.properties.defaultHostName}/api/messages'
    msaAppId: identity.properties.clientId
    msaAppType: 'UserAssignedMSI'
    msaAppMSIResourceId: identity.id
    msaAppTenantId: tenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: { isEnabled: true }
  }
}

output SERVICE_ENGAGEBOT_URI string = 'https://${app.properties.defaultHostName}'
output AZURE_KEY_VAULT_NAME string = vault.name
output TEAMS_APP_ID string = identity.properties.clientId
output SLACK_EVENTS_URL string = 'https://${app.properties.defaultHostName}/api/slack/events'
