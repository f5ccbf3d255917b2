// EngageBot on Azure: one Linux App Service running engagebot (the .NET package, or the container image when
// deployAs is 'container'), Table Storage for state (Entra ID auth, no keys), an Azure Bot registration for Teams
// using a user-assigned managed identity, a Key Vault for the Slack secrets, Application Insights on a Log Analytics
// workspace, and optionally an Azure OpenAI account and model deployment for the churn detector (same identity, no
// key). Deployed with `azd up` (see azure.yaml) or `az deployment group create`.
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

@description('package: App Service runs the published .NET app (azd deploys a zip). container: App Service runs the image azd builds from the Dockerfile and pushes to the registry created here.')
@allowed(['package', 'container'])
param deployAs string = 'package'

@description('Log Analytics retention in days.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Create an Azure OpenAI account and model deployment and point the churn detector at it (Microsoft Entra ID, no key).')
param deployOpenAi bool = false

@description('Azure OpenAI model and version to deploy when deployOpenAi is true.')
param openAiModel string = 'gpt-4o-mini'
param openAiModelVersion string = '2024-07-18'

@description('Deployment capacity in thousands of tokens per minute.')
@minValue(1)
param openAiCapacity int = 10

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

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-engagebot-${suffix}'
  location: location
  tags: tags
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: logRetentionDays
  }
}

// Traces and metrics arrive through the app's OpenTelemetry exporter (EngageBot reads APPLICATIONINSIGHTS_CONNECTION_STRING).
resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-engagebot-${suffix}'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    IngestionMode: 'LogAnalytics'
  }
}

// Only for deployAs == 'container': azd pushes the image here; the app pulls it with its managed identity.
resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = if (deployAs == 'container') {
  name: 'crengagebot${suffix}'
  location: location
  tags: tags
  sku: { name: 'Basic' }
  properties: { adminUserEnabled: false }
}

// AcrPull
resource registryRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (deployAs == 'container') {
  name: guid(resourceGroup().id, 'crengagebot${suffix}', identity.id, '7f951dda-4ed3-4680-a7ca-43fe172d538d')
  scope: registry
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '7f951dda-4ed3-4680-a7ca-43fe172d538d')
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

var openAiName = 'oai-engagebot-${suffix}'
var openAiDeploymentName = 'churn'

resource openAi 'Microsoft.CognitiveServices/accounts@2024-10-01' = if (deployOpenAi) {
  name: openAiName
  location: location
  tags: tags
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: openAiName
    disableLocalAuth: true // the app signs in with its managed identity; there is no key to leak
    publicNetworkAccess: 'Enabled'
  }
}

resource openAiDeployment 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = if (deployOpenAi) {
  parent: openAi
  name: openAiDeploymentName
  sku: { name: 'GlobalStandard', capacity: openAiCapacity }
  properties: {
    model: { format: 'OpenAI', name: openAiModel, version: openAiModelVersion }
  }
}

// Cognitive Services OpenAI User
resource openAiRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (deployOpenAi) {
  name: guid(resourceGroup().id, openAiName, identity.id, '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd')
  scope: openAi
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd')
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

var baseSettings = [
  { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
  { name: 'EngageBot__Storage__Provider', value: 'AzureTables' }
  { name: 'EngageBot__Storage__TableEndpoint', value: storage.properties.primaryEndpoints.table }
  { name: 'EngageBot__Teams__AppId', value: identity.properties.clientId }
  { name: 'EngageBot__Teams__AppType', value: 'UserAssignedMsi' }
  { name: 'EngageBot__Teams__TenantId', value: tenantId }
  { name: 'EngageBot__Slack__BotToken', value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=slack-bot-token)' }
  { name: 'EngageBot__Slack__SigningSecret', value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=slack-signing-secret)' }
]

// The churn detector on the deployment above, through DefaultAzureCredential (AZURE_CLIENT_ID names the identity).
var openAiSettings = deployOpenAi ? [
  { name: 'EngageBot__AI__Endpoint', value: 'https://${openAiName}.openai.azure.com/' }
  { name: 'EngageBot__AI__Service', value: 'AzureOpenAI' }
  { name: 'EngageBot__AI__Deployment', value: openAiDeploymentName }
  { name: 'EngageBot__AI__UseEntraId', value: 'true' }
  { name: 'EngageBot__ChurnRisk__Detection__Provider', value: 'OpenAI' }
] : []

// The image listens on 8080 (ASPNETCORE_HTTP_PORTS); its SQLite volume is unused on Azure (Table Storage).
var containerSettings = deployAs == 'container' ? [
  { name: 'WEBSITES_PORT', value: '8080' }
  { name: 'DOCKER_REGISTRY_SERVER_URL', value: 'https://crengagebot${suffix}.azurecr.io' }
] : []

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
      // A container site starts on a placeholder image; `azd deploy` builds, pushes and points it at ours.
      linuxFxVersion: deployAs == 'container' ? 'DOCKER|mcr.microsoft.com/dotnet/samples:aspnetapp' : 'DOTNETCORE|10.0'
      acrUseManagedIdentityCreds: deployAs == 'container'
      acrUserManagedIdentityID: deployAs == 'container' ? identity.properties.clientId : null
      alwaysOn: true // the Quartz jobs (SLA sweep, check-ins, digests) must keep running
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      // Readiness: App Service stops routing to an instance whose store, directory or schedulers are down.
      healthCheckPath: '/readyz'
      appCommandLine: deployAs == 'container' ? '' : 'dotnet engagebot.dll serve'
      appSettings: concat(baseSettings, openAiSettings, containerSettings)
    }
  }
  dependsOn: [registryRole, openAiRole]
}

// App Service console and HTTP logs beside the telemetry, in the same workspace.
resource appDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: app
  properties: {
    workspaceId: logs.id
    logs: [
      { category: 'AppServiceConsoleLogs', enabled: true }
      { category: 'AppServiceHTTPLogs', enabled: true }
      { category: 'AppServicePlatformLogs', enabled: true }
    ]
    metrics: [{ category: 'AllMetrics', enabled: true }]
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
output APPLICATIONINSIGHTS_NAME string = insights.name
output AZURE_CONTAINER_REGISTRY_ENDPOINT string = deployAs == 'container' ? 'crengagebot${suffix}.azurecr.io' : ''
output SLACK_EVENTS_URL string = 'https://${app.properties.defaultHostName}/api/slack/events'
